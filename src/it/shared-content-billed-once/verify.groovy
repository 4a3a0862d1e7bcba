import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('BUILD SUCCESS')
    // Four files, three contents: the trailer's jingle comes from the cache the voice module filled.
    assert it.counters().detectsCreated() == 3
    assert log.contains('Uploading 1 distinct content (')
    assert log.contains('; 1 answered by the cache.')
} finally {
    ItSupport.stop(context)
}

import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('Resuming 1 submission from the journal; nothing is uploaded again for them.')
    assert log.contains('BUILD SUCCESS')
    assert it.counters().batchPosts() == 1
    assert it.counters().batchesCreated() == 1
} finally {
    ItSupport.stop(context)
}

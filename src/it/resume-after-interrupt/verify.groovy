import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log =~ /Resuming batch \S+ \(\d+ files?\) submitted earlier; nothing is uploaded again\./
    assert log.contains('BUILD SUCCESS')
    assert it.counters().batchPosts() == 1
    assert it.counters().batchesCreated() == 1
} finally {
    ItSupport.stop(context)
}

import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('(default-clean) @ resume-after-clean')
    assert log =~ /Resuming batch \S+ \(\d+ files?\) submitted earlier; nothing is uploaded again\./
    assert log.contains('BUILD SUCCESS')
    assert it.counters().batchPosts() == 1
    assert it.counters().batchesCreated() == 1
    def journals = []
    new File(basedir, 'it-cache/journal').eachFileRecurse { if (it.name.endsWith('.jsonl')) journals << it }
    assert journals.isEmpty()
} finally {
    ItSupport.stop(context)
}

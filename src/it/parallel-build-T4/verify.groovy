import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert !log.contains('[ERROR]')
    ['voice-en', 'voice-de', 'artwork', 'trailer'].each {
        assert new File(basedir, it + '/target/resemble/resemble-report.json').isFile()
    }
    // Eight files, seven contents: the jingle of voice-en and voice-de is billed once, whichever
    // module reaches it first; the other waits for its result or finds it in the cache.
    assert it.counters().detectsCreated() == 7
    // Whichever voice module came second took the jingle's result from the cache.
    assert log.readLines().count { it ==~ /\[INFO\] \[voice-(en|de)\] 2 files: 2 likely genuine; 1 from cache, 1 uploaded.*/ } == 1
} finally {
    ItSupport.stop(context)
}

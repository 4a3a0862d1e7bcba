import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('on project zip-entries-are-judged: 1 of 3 files is likely synthetic:'
        + ' src/main/media/bundle.zip!/vo/fake-line.wav scored 0.97, at or above the threshold 0.50.')
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/resemble/resemble-report.json'))
    def byPath = report.files.collectEntries { [(it.path): it] }
    assert byPath.keySet() == ['src/main/media/bundle.zip!/../evil.wav',
        'src/main/media/bundle.zip!/vo/fake-line.wav', 'src/main/media/bundle.zip!/vo/intro.wav'] as Set
    assert byPath['src/main/media/bundle.zip!/vo/intro.wav'].outcome == 'PASSED'
    assert byPath['src/main/media/bundle.zip!/vo/fake-line.wav'].outcome == 'FLAGGED'
    assert byPath['src/main/media/bundle.zip!/../evil.wav'].outcome == 'SKIPPED'
    assert byPath['src/main/media/bundle.zip!/../evil.wav'].reason.contains('climbs out with ../')
    assert new File(basedir, 'target/resemble/resemble-report.html').text.contains('bundle.zip!/vo/fake-line.wav')
    // One batch of the two media entries, each under its own file name behind the run's mark.
    assert it.counters().batchesCreated() == 1
    assert it.simulator().batches()[0].fileNames().collect { n -> n.replaceFirst(/^[0-9a-f]{8}-/, '') }
        .sort() == ['fake-line.wav', 'intro.wav']
    // The entries were unpacked beside the cache, and nothing named evil.wav exists anywhere.
    def unpacked = new File(basedir, 'it-cache/unpacked')
    def names = []
    unpacked.eachFileRecurse { f -> names << f.name }
    assert names.containsAll(['intro.wav', 'fake-line.wav'])
    def evil = []
    basedir.eachFileRecurse { f -> if (f.name == 'evil.wav') evil << f }
    assert evil.isEmpty()
    assert !new File(basedir.parentFile, 'evil.wav').exists()
} finally {
    ItSupport.stop(context)
}

import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    // The gate judged the offline build from the cache: the one file it does not hold is ERROR,
    // with the reason, and onError=FAIL fails the build with the gate's sentence.
    assert log.contains('on project offline-mode: 1 of 3 files could not be judged:'
        + ' src/main/media/new-take.wav; Maven is offline (-o) and it is not in the cache, so it'
        + ' cannot be sent to Resemble.')
    assert log.contains('Maven is offline (-o) and it is not in the cache, so it cannot be sent to'
        + ' Resemble; build online, or set onError=WARN to let offline builds pass unchecked')
    assert it.requestsSince('offline') == 0
    // The reports are written offline too, the two cached files judged from the cache.
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/resemble/resemble-report.json'))
    def outcomes = report.files.collectEntries { [(it.path): it.outcome] }
    assert outcomes == ['src/main/media/logo.png': 'PASSED', 'src/main/media/narration.wav': 'PASSED',
        'src/main/media/new-take.wav': 'ERROR']
} finally {
    ItSupport.stop(context)
}

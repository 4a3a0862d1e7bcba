import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('on project per-media-type-threshold: 1 of 2 files is likely synthetic:'
        + ' src/main/media/fake-poster.png scored 0.97, at or above the threshold 0.50.')
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/resemble/resemble-report.json'))
    def byPath = report.files.collectEntries { [(it.path): it] }
    assert byPath['src/main/media/fake-voice.wav'].outcome == 'PASSED'
    assert byPath['src/main/media/fake-voice.wav'].threshold == 0.98
    assert byPath['src/main/media/fake-poster.png'].outcome == 'FLAGGED'
} finally {
    ItSupport.stop(context)
}

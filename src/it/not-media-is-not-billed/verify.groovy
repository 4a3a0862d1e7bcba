import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    assert it.buildLog().contains('BUILD SUCCESS')
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/resemble/resemble-report.json'))
    def byPath = report.files.collectEntries { [(it.path): it] }
    assert byPath['src/main/media/intro.wav'].outcome == 'PASSED'
    assert byPath['src/main/media/script.wav'].outcome == 'SKIPPED'
    assert byPath['src/main/media/script.wav'].reason == 'not media: its bytes look like text (text/plain), not the audio a .wav file holds'
    assert byPath['src/main/media/silence.mp3'].reason == 'not media: its bytes are all zeros, not the audio a .mp3 file holds'
    assert byPath['src/main/media/noise.wav'].reason.startsWith('not media: its bytes match no known format')
    // Only the real WAV was uploaded and billed.
    assert it.counters().batchesCreated() == 1
    // Each upload's name carries its submission's mark (8 hex digits and a dash) in front.
    assert it.simulator().batches()[0].fileNames().collect { n -> n.replaceFirst(/^[0-9a-f]{8}-/, '') } == ['intro.wav']
} finally {
    ItSupport.stop(context)
}

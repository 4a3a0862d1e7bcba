import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('on project api-down-fails: 1 of 1 file could not be judged:'
        + ' src/main/media/narration.wav; ')
    // The whole reason is in the summary above the sentence.
    assert log.contains('Could not reach the Resemble API at 127.0.0.1:')
    assert log.contains('Check the network connection, the proxy settings and the base URL.')
    assert !log.contains('\tat io.github.resemblegate')
    assert new File(basedir, 'target/resemble/resemble-report.json').isFile()
} finally {
    ItSupport.stop(context)
}

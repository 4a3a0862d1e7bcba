import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    // Found by the free access check before uploading, in one sentence with what to do.
    assert log.contains('on project api-down-fails: The Resemble API at http://127.0.0.1:')
    assert log.contains(' could not be reached, so nothing was uploaded; check the apiUrl setting,'
        + ' the proxy and the network.')
    assert !log.contains('\tat io.github.resemblegate')
    assert new File(basedir, 'target/resemble/resemble-report.json').isFile()
} finally {
    ItSupport.stop(context)
}

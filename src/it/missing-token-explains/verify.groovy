import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains("on project missing-token-explains: No Resemble API token was provided."
        + " Put the Resemble API token in ~/.m2/settings.xml as the <password> of a <server>"
        + " with id 'absent-server', or set the RESEMBLE_API_KEY environment variable.")
    assert it.counters().totalRequests() == 0
} finally {
    ItSupport.stop(context)
}

import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains("on project missing-token-explains: No Resemble API token was provided."
        + " Put the Resemble API token in ~/.m2/settings.xml as the <password> of a <server>"
        + " with id 'absent-server', or set the RESEMBLE_API_KEY environment variable.")
    assert it.counters().totalRequests() == 0
    // Fresh reports say the run did not complete; the last run's green ones are gone.
    def json = new File(basedir, 'target/resemble/resemble-report.json').text
    assert json.contains('"finishedAt" : null') && json.contains('The run did not complete')
    assert !json.contains('"status" : "PASSED"')
    // The run stopped after its scan: every matched file is listed, none judged.
    def report = new groovy.json.JsonSlurper().parseText(json)
    assert report.files*.path == ['src/main/media/narration.wav', 'src/main/media/vo/intro.wav',
        'src/main/media/vo/outro.wav']
    assert report.files.every { it.outcome == 'SKIPPED' && it.reason == 'not judged: the run did not complete' }
    def html = new File(basedir, 'target/resemble/resemble-report.html').text
    assert html.contains('DID NOT COMPLETE') && !html.contains('(stale)')
} finally {
    ItSupport.stop(context)
}

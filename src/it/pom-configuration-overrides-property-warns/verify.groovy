import io.github.resemblegate.maven.it.ItSupport

try {
    def log = ItSupport.of(context).buildLog()
    assert log.count('[WARNING] -Dresemble.onFlagged changes nothing here: the POM sets <onFlagged> in the'
        + " plugin's <configuration>, which wins over -D; set it in <properties> as resemble.onFlagged instead.") == 1
    // The configuration won: the flagged file failed the build.
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/resemble/resemble-report.json'))
    assert report.policy.onFlagged == 'FAIL'
    assert report.verdict.status == 'FAILED'
} finally {
    ItSupport.stop(context)
}

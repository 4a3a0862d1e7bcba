import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    def dir = new File(basedir, 'target/resemble')
    def names = ['resemble-report.json', 'resemble-junit.xml', 'resemble.sarif', 'resemble-report.html',
        'resemble-report.css', 'resemble-report.js', 'resemble-summary.md']
    names.each { name ->
        def file = new File(dir, name)
        assert file.isFile() : name
        assert log.contains('Report: ' + file.path) : name
    }
    def json = new groovy.json.JsonSlurper().parse(new File(dir, 'resemble-report.json'))
    assert json.files.size() == 4
    def junit = new groovy.xml.XmlSlurper().parse(new File(dir, 'resemble-junit.xml'))
    assert junit.'**'.findAll { it.name() == 'testcase' }.size() == 4
    def sarif = new groovy.json.JsonSlurper().parse(new File(dir, 'resemble.sarif'))
    assert sarif.version == '2.1.0'
    def html = new File(dir, 'resemble-report.html').text
    ['narration.wav', 'fake-voiceover.wav', 'silent-room-tone.wav', 'logo.png'].each { assert html.contains(it) }
    assert new File(dir, 'resemble-summary.md').text.contains('fake-voiceover.wav')
} finally {
    ItSupport.stop(context)
}

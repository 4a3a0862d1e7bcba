import io.github.resemblegate.maven.it.ItSupport

ItSupport.start(basedir, context)
    .property('resemble.serverId', 'absent-server')
    .media('src/main/media/narration.wav', 'src/main/media/vo/intro.wav',
        'src/main/media/vo/outro.wav')

// The last run's green reports: a red build must not leave them behind.
def reports = new File(basedir, 'target/resemble')
reports.mkdirs()
new File(reports, 'resemble-report.json').text = '{"schemaVersion" : "1.2", "verdict" : {"status" : "PASSED"}}\n'
new File(reports, 'resemble-report.html').text = '<p>Verdict: PASSED (stale)</p>\n'
true

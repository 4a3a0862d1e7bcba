import io.github.resemblegate.maven.it.ItSupport

/** The lines the detect goal printed in one module: from its header to the next module's. */
def goalLines(String log, String module) {
    def start = log.indexOf(':detect (default) @ ' + module + ' ---')
    assert start >= 0 : module
    def rest = log.substring(log.indexOf('\n', start) + 1)
    def end = rest.indexOf('[INFO] ---')
    // Maven's own download lines (a first build with this plugin) are not the goal's.
    (end < 0 ? rest : rest.substring(0, end)).readLines()
        .findAll { it.trim() && it != '[INFO] ' && !it.contains('Download') }
}

try {
    def log = ItSupport.of(context).buildLog()
    assert log.contains('BUILD SUCCESS')
    assert !log.contains('[WARNING]')
    ['module-without-media-is-quiet', 'code'].each { module ->
        def lines = goalLines(log, module)
        assert lines.size() == 1 && lines[0].startsWith('[INFO] No media files')
    }
    assert goalLines(log, 'voice').any { it.startsWith('[INFO] Verdict: PASSED. 1 file checked: 1 likely genuine') }
} finally {
    ItSupport.stop(context)
}

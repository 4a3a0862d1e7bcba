import io.github.resemblegate.maven.it.ItSupport

try {
    def log = ItSupport.of(context).buildLog()
    assert log.contains('BUILD SUCCESS')
    assert log.contains('[INFO] [voice] Matched 2 media files')
    assert log.contains('[INFO] [art] Matched 1 media file')
    assert log.contains('[INFO] [voice] Verdict: PASSED. 2 files: 2 passed')
    assert log.contains('[INFO] [art] Report: ')
    // No gate line without its module's name.
    def gate = ~/^\[(INFO|WARNING|ERROR)\] (\S+ )?(Matched|Uploading|Submitted|Waiting for Resemble|Verdict|Report:|\d+ files?:|  FILE )/
    def lines = log.readLines().findAll { it =~ gate }
    assert lines.size() >= 8
    assert lines.findAll { !(it =~ /^\[\w+\] \[(voice|art|parallel-modules-name-their-lines)\] /) }.isEmpty()
} finally {
    ItSupport.stop(context)
}

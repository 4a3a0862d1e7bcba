import io.github.resemblegate.maven.it.ItSupport
import groovy.json.JsonSlurper

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    def json = new JsonSlurper()
    def shards = (1..3).collect { json.parse(new File(basedir, "target/shards/$it/resemble-report.json")) }
    assert shards*.run*.shard*.index == [1, 2, 3]
    assert shards.every { it.run.shard.total == 3 && it.run.shard.matchedFiles == 5 }
    def paths = shards.collectMany { it.files*.path }
    assert paths.sort() == ['src/main/media/copy/intro.wav', 'src/main/media/fake-voiceover.wav',
        'src/main/media/intro.wav', 'src/main/media/narration.wav', 'src/main/media/outro.wav']
    def withIntro = shards.find { it.files*.path.contains('src/main/media/intro.wav') }
    assert withIntro.files*.path.contains('src/main/media/copy/intro.wav')

    assert log.contains('[ERROR] Failed to execute goal io.github.resemblegate:resemble-maven-plugin:'
        + pluginVersion + ':merge (default-cli) on project shards-and-merge: 1 of 5 files is likely'
        + ' synthetic: src/main/media/fake-voiceover.wav scored 0.97, at or above the threshold 0.50.')
    def merged = json.parse(new File(basedir, 'target/resemble/resemble-report.json'))
    assert merged.run.shard == null
    assert merged.files*.path == paths.sort()
    assert merged.verdict.status == 'FAILED'
    assert new File(basedir, 'target/resemble/resemble.sarif').isFile()
    assert it.requestsSince('merge') == 0 : 'the merge calls no API'
} finally {
    ItSupport.stop(context)
}

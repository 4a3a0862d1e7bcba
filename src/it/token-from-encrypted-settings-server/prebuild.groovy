import io.github.resemblegate.maven.it.ItSupport

def it = ItSupport.start(basedir, context) { it.token('it-encrypted-token-8c41') }
it.property('settings.security', new File(basedir, 'settings-security.xml').absolutePath)
it.media('src/main/media/narration.wav')

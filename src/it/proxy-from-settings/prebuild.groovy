import io.github.resemblegate.maven.it.ItSupport

def it = ItSupport.start(basedir, context)
def settings = new File(basedir, 'settings-proxy.xml')
settings.text = settings.text.replace('<port>0</port>', '<port>' + it.startProxy() + '</port>')
it.media('src/main/media/narration.wav')

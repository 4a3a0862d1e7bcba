import io.github.resemblegate.maven.it.ItSupport

def it = ItSupport.start(basedir, context)
new File(basedir, 'notes.txt').text = 'not media'
it.media('media/voice/intro.wav', 'art/cover.png')
return true

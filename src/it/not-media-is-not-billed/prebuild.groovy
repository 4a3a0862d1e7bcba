import io.github.resemblegate.maven.it.ItSupport

def it = ItSupport.start(basedir, context)
it.media('src/main/media/intro.wav')
def media = new File(basedir, 'src/main/media')
new File(media, 'script.wav').text = 'Intro script, take 3.\nRead slowly.\n'
new File(media, 'silence.mp3').bytes = new byte[50000]
def noise = new byte[200000]
new Random(18).nextBytes(noise)
new File(media, 'noise.wav').bytes = noise
return true

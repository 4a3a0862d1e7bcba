import io.github.resemblegate.maven.it.ItSupport

ItSupport.start(basedir, context).media('src/main/media/fake-voiceover.wav', 'src/main/media/narration.wav')

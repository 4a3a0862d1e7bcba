import io.github.resemblegate.maven.it.ItSupport

ItSupport.start(basedir, context).media('src/main/media/narration.wav', 'src/main/media/fake-voiceover.wav', 'src/main/resources/voice/welcome.wav')

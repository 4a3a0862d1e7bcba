import io.github.resemblegate.maven.it.ItSupport

ItSupport.start(basedir, context).media('voice/src/main/media/narration.wav', 'voice/src/main/media/outro.wav',
    'art/src/main/media/cover.png')

import io.github.resemblegate.maven.it.ItSupport

ItSupport.start(basedir, context).media(
    'voice/src/main/media/narration.wav', 'voice/src/main/media/jingle.wav',
    'artwork/src/main/media/cover.png', 'artwork/src/main/media/jingle.wav=voice/src/main/media/jingle.wav')

import io.github.resemblegate.maven.it.ItSupport

ItSupport.start(basedir, context).media(
    'voice/src/main/media/narration.wav', 'voice/src/main/media/jingle.wav',
    'trailer/src/main/media/trailer-voice.wav', 'trailer/src/main/media/jingle.wav=voice/src/main/media/jingle.wav')

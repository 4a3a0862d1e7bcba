import io.github.resemblegate.maven.it.ItSupport

ItSupport.start(basedir, context).media(
    'voice-en/src/main/media/narration.wav', 'voice-en/src/main/media/shared-jingle.wav',
    'voice-de/src/main/media/erzaehlung.wav', 'voice-de/src/main/media/shared-jingle.wav=voice-en/src/main/media/shared-jingle.wav',
    'artwork/src/main/media/cover.png', 'artwork/src/main/media/banner.png',
    'trailer/src/main/media/trailer-voice.wav', 'trailer/src/main/media/trailer-music.wav')

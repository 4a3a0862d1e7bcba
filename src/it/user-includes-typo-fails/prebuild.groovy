import io.github.resemblegate.maven.it.ItSupport

// The media are where the includes look, but the extension is mistyped.
ItSupport.start(basedir, context).media('media/intro.wav', 'media/outro.wav')

// The help wraps at 80 columns: compare with the line breaks as spaces.
// build.log holds both invocations: this one starts at the last "Scanning for projects".
def all = new File(basedir, 'build.log').text
def log = all.substring(all.lastIndexOf('Scanning for projects'))
def text = log.replaceAll(/\s+/, ' ')
assert log.contains('BUILD SUCCESS')
// Each setting with its default, what it does, and the property that sets it from the command line.
assert text.contains('threshold (Default: 0.5) A file is flagged when its deepfake score is at or above this (0 to 1). User property: resemble.threshold')
assert text.contains('onFlagged (Default: FAIL) What flagged files do to the build: FAIL, WARN or IGNORE. User property: resemble.onFlagged')
// The parameters without a property of their own say why, or which properties they read.
assert text.contains('No user property, on purpose: a token typed after -D stays in shell history and process lists.')
assert text.contains('As properties: resemble.thresholds.audio, .image and .video.')
// Only the goal asked for.
assert !log.contains('resemble:detect-aggregate\n')

// The help wraps at 80 columns: compare with the line breaks as spaces.
def log = new File(basedir, 'build.log').text
def text = log.replaceAll(/\s+/, ' ')
assert log.contains('BUILD SUCCESS')
assert text.contains('This plugin has 4 goals:')
['resemble:detect', 'resemble:detect-aggregate', 'resemble:help', 'resemble:merge'].each { assert log.contains(it + '\n') }
assert text.contains('writes the reports to target/resemble, and fails the build when a file scores at or above its threshold.')
assert text.contains('Fails a Maven build whose audio, images or video the Resemble AI Detect API finds likely synthetic')

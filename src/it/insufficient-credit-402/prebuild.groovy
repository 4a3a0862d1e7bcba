import io.github.resemblegate.maven.it.ItSupport
import io.github.resemblegate.simulator.Endpoint
import io.github.resemblegate.simulator.Fault

def it = ItSupport.start(basedir, context)
it.simulator().faults().inject(Fault.insufficientCredit().on(Endpoint.CREATE_BATCH).always())
it.media('src/main/media/narration.wav')

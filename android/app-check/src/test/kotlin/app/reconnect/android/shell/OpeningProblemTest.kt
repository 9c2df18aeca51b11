package app.reconnect.android.shell

import app.reconnect.Reconnect
import app.reconnect.android.AppState
import app.reconnect.android.ReconnectViewModel
import app.reconnect.ffi.ReconnectException
import app.reconnect.ffi.Route
import app.reconnect.userMessage
import java.time.ZoneId
import org.junit.Assert.assertEquals
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.annotation.Config

/** A store that will not open is a sentence with a way forward, never a crash. */
@RunWith(RobolectricTestRunner::class)
@Config(application = TestApplication::class)
class OpeningProblemTest {
    private val app = RuntimeEnvironment.getApplication() as TestApplication

    @Test
    fun `a key that does not match shows why, and trying again with the right key opens`() {
        val rightKey = ByteArray(32) { 7 }
        Reconnect.open(app.storeDir, rightKey, "phone", ZoneId.of("UTC")).close()
        app.keyFile.writeBytes(ByteArray(32) { 9 })

        val viewModel = ReconnectViewModel(app)
        await("the store to fail to open") { viewModel.state.value is AppState.CouldNotOpen }
        assertEquals(
            userMessage(ReconnectException.WrongKey(detail = "")),
            (viewModel.state.value as AppState.CouldNotOpen).sentence,
        )

        app.keyFile.writeBytes(rightKey)
        viewModel.retryOpening()
        await("the store to open") { (viewModel.state.value as? AppState.Ready)?.screen?.screen != null }
        assertEquals(Route.FirstRun, (viewModel.state.value as AppState.Ready).screen.route)
    }
}

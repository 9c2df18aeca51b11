package app.reconnect.android.shell

import app.reconnect.android.ui.PairingCode
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/**
 * The pairing sheet between the task that shows a code and the screen that draws it: the
 * task puts the code up and waits; the person's Cancel comes back through [cancel].
 */
class PairingSheetHolder {
    private val _shown = MutableStateFlow<PairingCode?>(null)

    /** The code on screen now; null when no sheet shows. */
    val shown: StateFlow<PairingCode?> = _shown.asStateFlow()

    @Volatile
    private var cancelled: CompletableDeferred<Unit>? = null

    /** Shows [code]; the result completes when the person cancels. */
    fun show(code: PairingCode): CompletableDeferred<Unit> {
        val signal = CompletableDeferred<Unit>()
        cancelled = signal
        _shown.value = code
        return signal
    }

    fun hide() {
        _shown.value = null
        cancelled = null
    }

    /** The person closed the sheet. */
    fun cancel() {
        cancelled?.complete(Unit)
    }
}

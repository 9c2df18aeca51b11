package app.reconnect.android

import android.app.Application
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import app.reconnect.CheckInFormState
import app.reconnect.Reconnect
import app.reconnect.ffi.InternalException
import app.reconnect.ffi.ReconnectException
import app.reconnect.userMessage
import java.time.ZoneId
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.conflate
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.onStart
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/**
 * Opens the store off the main thread, keeps Today and History current from the core's
 * change Flow (a check-in from another device shows up the same way), and saves the form.
 */
class ReconnectViewModel(application: Application) : AndroidViewModel(application) {
    private val _state = MutableStateFlow(ReconnectUiState())
    val state: StateFlow<ReconnectUiState> = _state.asStateFlow()

    private var store: Reconnect? = null

    init {
        viewModelScope.launch {
            val opened = try {
                withContext(Dispatchers.IO) { getApplication<ReconnectApplication>().openStore() }
            } catch (e: ReconnectException) {
                return@launch showProblem(userMessage(e))
            } catch (e: StoreKeyUnavailableException) {
                return@launch showProblem(application.getString(R.string.key_unavailable))
            }
            store = opened
            opened.changes
                .map { }
                .onStart { emit(Unit) }
                .conflate()
                .collect { refresh(opened) }
        }
    }

    /** Starts the form from today's check-in, if there is one, so changing it is quick. */
    fun startCheckIn() {
        _state.update { it.copy(form = CheckInFormState.editing(it.today?.checkIn)) }
    }

    fun editForm(change: (CheckInFormState) -> CheckInFormState) {
        _state.update { it.copy(form = change(it.form)) }
    }

    /** Saves the form; the change Flow then refreshes Today and History. */
    fun save() {
        val opened = store ?: return
        if (_state.value.saving) return
        val form = _state.value.form
        _state.update { it.copy(saving = true) }
        viewModelScope.launch {
            val result = withContext(Dispatchers.IO) { form.submit(opened) }
            _state.update { it.copy(form = result, saving = false) }
        }
    }

    /** While the app was away the day may have turned, or the phone may have travelled. */
    fun onResume() {
        val opened = store ?: return
        viewModelScope.launch {
            try {
                withContext(Dispatchers.IO) { opened.setTimeZone(ZoneId.systemDefault()) }
            } catch (e: ReconnectException) {
                // An unknown zone keeps the previous one; the day is still counted sensibly.
            }
            refresh(opened)
        }
    }

    private suspend fun refresh(opened: Reconnect) {
        try {
            val (today, history) = withContext(Dispatchers.IO) {
                opened.today() to opened.history(limit = HISTORY_LIMIT)
            }
            _state.update { it.copy(opening = false, today = today, history = history, problem = null) }
        } catch (e: ReconnectException) {
            showProblem(userMessage(e))
        } catch (e: InternalException) {
            showProblem(userMessage(e))
        }
    }

    private fun showProblem(message: String) {
        _state.update { it.copy(opening = false, problem = message) }
    }

    private companion object {
        const val HISTORY_LIMIT = 90
    }
}

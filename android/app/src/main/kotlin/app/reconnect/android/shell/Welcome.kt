package app.reconnect.android.shell

import android.content.Context

/**
 * Whether the person has seen the first run on this device. Kept in the app's own
 * preferences, out of the synced store: each device welcomes its person once.
 */
class Welcome(context: Context) {
    private val prefs = context.getSharedPreferences(PREFS, Context.MODE_PRIVATE)

    var welcomed: Boolean
        get() = prefs.getBoolean(KEY_WELCOMED, false)
        set(value) {
            prefs.edit().putBoolean(KEY_WELCOMED, value).commit()
        }

    private companion object {
        const val PREFS = "shell"
        const val KEY_WELCOMED = "welcomed"
    }
}

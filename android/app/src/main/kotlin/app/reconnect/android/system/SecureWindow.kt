package app.reconnect.android.system

import android.app.Activity
import android.view.WindowManager

/**
 * Keeps a window out of screenshots, screen recordings, casting and the recent-apps
 * preview. Call it before the first content is set. Compose dialogs inherit the flag
 * from this window (their default SecureFlagPolicy.Inherit), so they are covered too.
 */
fun Activity.secureWindow() {
    window.setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE)
}

package app.reconnect.android.system

import android.app.Activity
import android.content.Intent

/**
 * Hides the app at once: the home screen comes up and the task leaves recent apps, so
 * nothing of it is left on screen or in the app switcher. For a quick-exit button.
 */
fun Activity.quickExit() {
    val home = Intent(Intent.ACTION_MAIN)
        .addCategory(Intent.CATEGORY_HOME)
        .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK)
    startActivity(home)
    finishAndRemoveTask()
}

/** The same as a lambda, to hand to a Compose screen: `QuickExitButton(onExit = quickExitAction())`. */
fun Activity.quickExitAction(): () -> Unit = { quickExit() }

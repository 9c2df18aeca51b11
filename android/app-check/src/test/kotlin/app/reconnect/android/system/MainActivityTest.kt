package app.reconnect.android.system

import android.app.Activity
import android.content.Intent
import android.view.WindowManager
import app.reconnect.android.MainActivity
import app.reconnect.android.ReconnectApplication
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.Robolectric
import org.robolectric.RobolectricTestRunner
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config

/** The activity's window is kept out of screenshots, and the quick exit leaves nothing behind. */
@RunWith(RobolectricTestRunner::class)
@Config(application = ReconnectApplication::class)
class MainActivityTest {

    @Test
    fun `the main window is secure from its creation`() {
        Robolectric.buildActivity(MainActivity::class.java).use { controller ->
            val activity = controller.create().get()
            val flags = activity.window.attributes.flags
            assertEquals(WindowManager.LayoutParams.FLAG_SECURE, flags and WindowManager.LayoutParams.FLAG_SECURE)
        }
    }

    @Test
    fun `quick exit goes home and removes the task`() {
        Robolectric.buildActivity(Activity::class.java).use { controller ->
            val activity = controller.setup().get()
            activity.quickExit()

            val home = shadowOf(activity).nextStartedActivity
            assertEquals(Intent.ACTION_MAIN, home.action)
            assertTrue(home.hasCategory(Intent.CATEGORY_HOME))
            assertTrue(activity.isFinishing)
        }
    }
}

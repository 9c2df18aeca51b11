package app.reconnect.android.system

import android.Manifest
import android.app.AlarmManager
import android.app.Notification
import android.app.NotificationManager
import android.content.Context
import app.reconnect.Reconnect
import app.reconnect.addCustomReminder
import app.reconnect.ffi.NotificationDetail
import app.reconnect.reminderSettings
import app.reconnect.reminders
import app.reconnect.setReminderSettings
import java.io.File
import java.nio.file.Files
import java.time.Instant
import java.time.LocalDateTime
import java.time.ZoneId
import kotlinx.coroutines.runBlocking
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf

/**
 * What a fired reminder shows, from a real store through the scheduler's PendingIntent to
 * NotificationManager; and that a missing permission posts nothing without crashing.
 */
@RunWith(RobolectricTestRunner::class)
class ReminderNotifierTest {
    private val context: Context = RuntimeEnvironment.getApplication()
    private val notifications = context.getSystemService(NotificationManager::class.java)
    private val texts = NotificationTexts("Reminders", "The reminders you chose", "Reconnect")
    private val dir: File = Files.createTempDirectory("reconnect-store").toFile()
    private val privateWords = "Call Sam about the weekend"

    @After
    fun removeStore() {
        dir.deleteRecursively()
    }

    @Test
    fun `a custom reminder shows the core's generic words by default, never its own text`() {
        grantNotifications()
        val shown = fireCustomReminder(detail = null)
        assertFalse(shown.extras.getString(Notification.EXTRA_TITLE)!!.contains(privateWords))
        assertFalse(shown.extras.getString(Notification.EXTRA_TEXT)!!.contains(privateWords))
        assertTrue(shown.extras.getString(Notification.EXTRA_TEXT)!!.isNotBlank())
    }

    @Test
    fun `with detail chosen it shows the reminder's own text`() {
        grantNotifications()
        val shown = fireCustomReminder(detail = NotificationDetail.DETAILED)
        assertEquals(privateWords, shown.extras.getString(Notification.EXTRA_TEXT))
    }

    @Test
    fun `the lock screen stand-in names only the app`() {
        grantNotifications()
        val shown = fireCustomReminder(detail = NotificationDetail.DETAILED)
        assertEquals(Notification.VISIBILITY_PRIVATE, shown.visibility)
        assertEquals("Reconnect", shown.publicVersion.extras.getString(Notification.EXTRA_TITLE))
        assertEquals(null, shown.publicVersion.extras.getString(Notification.EXTRA_TEXT))
    }

    @Test
    fun `posting creates the reminders channel`() {
        grantNotifications()
        ReminderNotifier(context, texts).post(ReminderNotice("x", "t", "b"))
        val channel = notifications.getNotificationChannel(ReminderNotifier.CHANNEL_ID)
        assertEquals("Reminders", channel.name)
        assertEquals(NotificationManager.IMPORTANCE_DEFAULT, channel.importance)
    }

    @Test
    fun `without the permission nothing is posted and the caller is told`() {
        shadowOf(RuntimeEnvironment.getApplication()).denyPermissions(Manifest.permission.POST_NOTIFICATIONS)
        assertEquals(NotificationPermission.Status.NEEDS_PERMISSION, NotificationPermission.status(context))

        val result = ReminderNotifier(context, texts).post(ReminderNotice("x", "t", "b"))

        assertEquals(ReminderNotifier.Result.NOT_ALLOWED, result)
        assertEquals(0, shadowOf(notifications).allNotifications.size)
    }

    @Test
    fun `notifications switched off in settings also post nothing`() {
        grantNotifications()
        shadowOf(notifications).setNotificationsEnabled(false)
        assertEquals(NotificationPermission.Status.SWITCHED_OFF, NotificationPermission.status(context))
        assertEquals(ReminderNotifier.Result.NOT_ALLOWED, ReminderNotifier(context, texts).post(ReminderNotice("x", "t", "b")))
        assertEquals(0, shadowOf(notifications).allNotifications.size)
    }

    private fun grantNotifications() {
        shadowOf(RuntimeEnvironment.getApplication()).grantPermissions(Manifest.permission.POST_NOTIFICATIONS)
        assertEquals(NotificationPermission.Status.ALLOWED, NotificationPermission.status(context))
    }

    /** Adds a custom reminder with private words, schedules, fires its alarm, returns what shows. */
    private fun fireCustomReminder(detail: NotificationDetail?): Notification = runBlocking {
        val key = ByteArray(32) { it.toByte() }
        Reconnect.open(dir, key, deviceName = "test phone", zone = ZONE, fixedNow = NOW).use { store ->
            if (detail != null) store.setReminderSettings(store.reminderSettings().copy(detail = detail))
            store.addCustomReminder(LocalDateTime.of(2026, 3, 20, 18, 0), privateWords)
            ReminderScheduler(context).apply(store.reminders())
            val notice = shadowOf(context.getSystemService(AlarmManager::class.java)).scheduledAlarms
                .mapNotNull { ReminderIntents.read(shadowOf(it.operation).savedIntent) }
                .single { it.id.startsWith("custom:") }
            assertEquals(ReminderNotifier.Result.POSTED, ReminderNotifier(context, texts).post(notice))
            shadowOf(notifications).getNotification(notice.id, ReminderNotifier.NOTIFICATION_ID)
        }
    }

    private companion object {
        val ZONE: ZoneId = ZoneId.of("Europe/Berlin")
        val NOW: Instant = Instant.parse("2026-03-14T09:30:00Z")
    }
}

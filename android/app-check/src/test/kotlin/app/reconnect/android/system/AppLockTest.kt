package app.reconnect.android.system

import kotlin.time.Duration
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Test

/** The app-lock rule on a hand-moved clock. */
class AppLockTest {
    private var clock: Duration = 1000.seconds
    private fun lock(timeout: Duration?) = AppLock(timeout, now = { clock })

    @Test
    fun `locked at a cold start when on, open when off`() {
        assertTrue(lock(5.minutes).isLocked)
        assertFalse(lock(null).isLocked)
    }

    @Test
    fun `a short absence keeps it open, the chosen minutes lock it`() {
        val lock = lock(5.minutes)
        lock.unlocked()

        lock.onBackground()
        clock += 4.minutes + 59.seconds
        lock.onForeground()
        assertFalse(lock.isLocked)

        lock.onBackground()
        clock += 5.minutes
        lock.onForeground()
        assertTrue(lock.isLocked)
    }

    @Test
    fun `a zero timeout locks on every return`() {
        val lock = lock(Duration.ZERO)
        lock.unlocked()
        lock.onBackground()
        lock.onForeground()
        assertTrue(lock.isLocked)
    }

    @Test
    fun `coming back without having left does not lock`() {
        val lock = lock(Duration.ZERO)
        lock.unlocked()
        clock += 60.minutes
        lock.onForeground()
        assertFalse(lock.isLocked)
    }

    @Test
    fun `turning the lock off opens it and then never locks`() {
        val lock = lock(1.minutes)
        lock.setTimeout(null)
        assertFalse(lock.isLocked)
        lock.onBackground()
        clock += 60.minutes
        lock.onForeground()
        assertFalse(lock.isLocked)
    }

    @Test
    fun `turning it on while open waits for the next absence`() {
        val lock = lock(null)
        lock.setTimeout(1.minutes)
        assertFalse(lock.isLocked)
        lock.onBackground()
        clock += 2.minutes
        lock.onForeground()
        assertTrue(lock.isLocked)
    }
}

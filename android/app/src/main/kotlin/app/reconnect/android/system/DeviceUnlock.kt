package app.reconnect.android.system

import android.os.Build
import androidx.biometric.BiometricManager
import androidx.biometric.BiometricManager.Authenticators.BIOMETRIC_STRONG
import androidx.biometric.BiometricManager.Authenticators.BIOMETRIC_WEAK
import androidx.biometric.BiometricManager.Authenticators.DEVICE_CREDENTIAL
import androidx.biometric.BiometricPrompt
import androidx.core.content.ContextCompat
import androidx.fragment.app.FragmentActivity

/**
 * Unlocks the app with the phone's own unlock: a strong biometric, or the PIN, pattern or
 * password instead. Android 9 and 10 cannot combine a strong biometric with the device
 * credential, so there the biometric may be a weak one (the credential still backs it).
 */
object DeviceUnlock {

    val authenticators: Int
        get() = if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.R) {
            BIOMETRIC_STRONG or DEVICE_CREDENTIAL
        } else {
            BIOMETRIC_WEAK or DEVICE_CREDENTIAL
        }

    /** False when the phone has no screen lock at all: the app lock cannot be offered then. */
    fun isAvailable(activity: FragmentActivity): Boolean =
        BiometricManager.from(activity).canAuthenticate(authenticators) == BiometricManager.BIOMETRIC_SUCCESS

    /**
     * Shows the system prompt. [onUnlocked] runs after success; [onNotUnlocked] gets the
     * system's words when the person cancels or it fails, so the app can stay locked and say why.
     */
    fun prompt(
        activity: FragmentActivity,
        title: CharSequence,
        onUnlocked: () -> Unit,
        onNotUnlocked: (CharSequence) -> Unit,
    ) {
        val callback = object : BiometricPrompt.AuthenticationCallback() {
            override fun onAuthenticationSucceeded(result: BiometricPrompt.AuthenticationResult) = onUnlocked()
            override fun onAuthenticationError(errorCode: Int, errString: CharSequence) = onNotUnlocked(errString)
        }
        val info = BiometricPrompt.PromptInfo.Builder()
            .setTitle(title)
            .setAllowedAuthenticators(authenticators)
            .build()
        BiometricPrompt(activity, ContextCompat.getMainExecutor(activity), callback).authenticate(info)
    }
}

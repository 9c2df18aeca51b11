package app.reconnect.android

import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyProperties
import android.util.AtomicFile
import java.io.File
import java.io.IOException
import java.nio.BufferUnderflowException
import java.nio.ByteBuffer
import java.security.GeneralSecurityException
import java.security.KeyStore
import java.security.SecureRandom
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec

/** The store key exists on disk, but this device's Keystore cannot unwrap it. Nothing was deleted. */
class StoreKeyUnavailableException(message: String, cause: Throwable? = null) : Exception(message, cause)

/**
 * Keeps the store's 32-byte key on disk only in a form this device's Keystore can unwrap:
 * a random key, sealed with AES-GCM under a Keystore key that never leaves the Keystore.
 * A key file that cannot be unwrapped is reported, never replaced, so no entry is orphaned.
 */
class StoreKey(private val file: File) : StoreKeys {

    /** Returns the key, creating it on first launch. Uses the Keystore: call it off the main thread. */
    override fun loadOrCreate(): ByteArray =
        if (file.exists()) unwrap(AtomicFile(file).readFully()) else create()

    /** Deletes the key file and the Keystore key that sealed it. */
    override fun delete() {
        AtomicFile(file).delete()
        try {
            keyStore().deleteEntry(ALIAS)
        } catch (e: GeneralSecurityException) {
            // Without the file the sealed key is gone anyway; a new one is made next time.
        } catch (e: IOException) {
            // Likewise.
        }
    }

    private fun create(): ByteArray {
        val key = ByteArray(KEY_BYTES).also { SecureRandom().nextBytes(it) }
        val blob = wrap(key)
        file.parentFile?.mkdirs()
        val target = AtomicFile(file)
        val out = target.startWrite()
        try {
            out.write(blob)
            target.finishWrite(out)
        } catch (e: IOException) {
            target.failWrite(out)
            throw e
        }
        return key
    }

    private fun wrap(key: ByteArray): ByteArray {
        val cipher = Cipher.getInstance(TRANSFORMATION)
        cipher.init(Cipher.ENCRYPT_MODE, wrappingKey())
        val iv = cipher.iv
        val sealed = cipher.doFinal(key)
        return ByteBuffer.allocate(2 + iv.size + sealed.size)
            .put(FORMAT_VERSION)
            .put(iv.size.toByte())
            .put(iv)
            .put(sealed)
            .array()
    }

    private fun unwrap(blob: ByteArray): ByteArray {
        try {
            val buffer = ByteBuffer.wrap(blob)
            val version = buffer.get()
            if (version != FORMAT_VERSION) {
                throw StoreKeyUnavailableException("the key file has unknown format $version")
            }
            val iv = ByteArray(buffer.get().toInt()).also { buffer.get(it) }
            val sealed = ByteArray(buffer.remaining()).also { buffer.get(it) }
            val secret = keyStore().getKey(ALIAS, null) as? SecretKey
                ?: throw StoreKeyUnavailableException("the Keystore no longer holds the wrapping key")
            val cipher = Cipher.getInstance(TRANSFORMATION)
            cipher.init(Cipher.DECRYPT_MODE, secret, GCMParameterSpec(TAG_BITS, iv))
            return cipher.doFinal(sealed)
        } catch (e: GeneralSecurityException) {
            throw StoreKeyUnavailableException("the key could not be unwrapped", e)
        } catch (e: BufferUnderflowException) {
            throw StoreKeyUnavailableException("the key file is incomplete", e)
        } catch (e: NegativeArraySizeException) {
            throw StoreKeyUnavailableException("the key file is damaged", e)
        }
    }

    private fun wrappingKey(): SecretKey {
        (keyStore().getKey(ALIAS, null) as? SecretKey)?.let { return it }
        val spec = KeyGenParameterSpec.Builder(ALIAS, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
            .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
            .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
            .setKeySize(256)
            .build()
        return KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, ANDROID_KEYSTORE)
            .apply { init(spec) }
            .generateKey()
    }

    private fun keyStore(): KeyStore = KeyStore.getInstance(ANDROID_KEYSTORE).apply { load(null) }

    private companion object {
        const val ANDROID_KEYSTORE = "AndroidKeyStore"
        const val ALIAS = "reconnect-store-key-wrapper"
        const val TRANSFORMATION = "AES/GCM/NoPadding"
        const val KEY_BYTES = 32
        const val TAG_BITS = 128
        const val FORMAT_VERSION: Byte = 1
    }
}

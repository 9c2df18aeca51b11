package app.reconnect.android

/** Where the store's 32-byte key comes from, and how it is destroyed with the store. */
interface StoreKeys {
    /** The key, made on first use. Off the main thread. */
    fun loadOrCreate(): ByteArray

    /** Deletes the key for good, so the deleted store's files could never be read again. */
    fun delete()
}

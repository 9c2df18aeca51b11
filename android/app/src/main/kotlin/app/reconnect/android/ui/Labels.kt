package app.reconnect.android.ui

import androidx.compose.runtime.Composable
import androidx.compose.ui.res.stringResource
import app.reconnect.android.R
import app.reconnect.ffi.ContactMedium
import java.time.LocalDate
import java.time.format.DateTimeFormatter
import java.time.format.FormatStyle

/** Words for the core's values: mood levels, contact media and calendar days. */
@Composable
fun moodLabel(mood: Int): String = stringResource(
    when (mood) {
        1 -> R.string.mood_1
        2 -> R.string.mood_2
        3 -> R.string.mood_3
        4 -> R.string.mood_4
        else -> R.string.mood_5
    },
)

@Composable
fun contactLabel(contact: ContactMedium): String = stringResource(
    when (contact) {
        ContactMedium.NONE -> R.string.contact_none
        ContactMedium.SOCIAL_MEDIA -> R.string.contact_social_media
        ContactMedium.TEXT -> R.string.contact_text
        ContactMedium.CALL -> R.string.contact_call
        ContactMedium.VIDEO -> R.string.contact_video
        ContactMedium.IN_PERSON -> R.string.contact_in_person
    },
)

/** "2026-03-14" as the device's language writes a full date. */
fun dayLabel(isoDate: String): String =
    runCatching { LocalDate.parse(isoDate).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)) }
        .getOrDefault(isoDate)

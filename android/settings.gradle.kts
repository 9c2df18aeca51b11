// The Android build: the app and the Kotlin wrapper it uses. Open this folder in Android Studio.
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
    // Kotlin 2.4 class files need R8 9.1.29 or newer (developer.android.com/build/kotlin-support);
    // AGP 8.13 bundles an older R8, so the release build's shrinker is pinned here.
    buildscript {
        repositories { google() }
        dependencies { classpath("com.android.tools:r8:9.1.29") }
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}

rootProject.name = "Reconnect"
include(":app", ":reconnect-kotlin")

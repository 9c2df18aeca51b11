// Android build of the Kotlin wrapper. The same sources build on the JVM with pom.xml, which
// is how the tests run; here the Rust core comes in as .so files built with cargo-ndk.
import org.jetbrains.kotlin.gradle.dsl.JvmTarget

plugins {
    id("com.android.library")
    id("org.jetbrains.kotlin.android")
}

val repoRoot: File = rootDir.parentFile
val rustJniLibs: File = layout.buildDirectory.dir("rustJniLibs").get().asFile
val uniffiSources: File = file("target/generated-sources/uniffi")
val rustPrebuilt = providers.gradleProperty("reconnect.rust.prebuilt").map(String::toBoolean).getOrElse(false)

android {
    namespace = "app.reconnect.kotlin"
    compileSdk = 36

    defaultConfig {
        minSdk = 26
        consumerProguardFiles("consumer-rules.pro")
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    sourceSets.getByName("main") {
        java.srcDir(uniffiSources)
        jniLibs.srcDir(rustJniLibs)
    }
}

kotlin {
    compilerOptions {
        jvmTarget.set(JvmTarget.JVM_17)
    }
}

dependencies {
    api("net.java.dev.jna:jna:5.19.1@aar")
    api("org.jetbrains.kotlinx:kotlinx-coroutines-core:1.11.0")
    testImplementation("org.jetbrains.kotlinx:kotlinx-coroutines-test:1.11.0")
}

/** Builds the Rust core for the device ABIs; needs cargo-ndk and an NDK (see README.md). */
val buildRustLibraries by tasks.registering(Exec::class) {
    workingDir = repoRoot
    commandLine(
        "cargo", "ndk",
        "-t", "arm64-v8a", "-t", "armeabi-v7a", "-t", "x86_64",
        "-P", "26",
        "-o", rustJniLibs.absolutePath,
        "build", "-p", "reconnect-ffi", "--release",
    )
}

/** Writes the Kotlin bindings from the arm64 library, so code and library always match. */
val generateUniffiBindings by tasks.registering(Exec::class) {
    dependsOn(buildRustLibraries)
    workingDir = repoRoot
    commandLine(
        "cargo", "run", "-q", "-p", "reconnect-ffi", "--bin", "uniffi-bindgen", "--",
        "generate",
        "--library", File(rustJniLibs, "arm64-v8a/libreconnect_ffi.so").absolutePath,
        "--language", "kotlin",
        "--out-dir", uniffiSources.absolutePath,
    )
}

if (!rustPrebuilt) {
    tasks.named("preBuild") { dependsOn(generateUniffiBindings) }
}

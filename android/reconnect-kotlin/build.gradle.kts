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

/** The Rust sources every native build depends on, so Gradle reruns cargo only when they change. */
val rustInputs = files(
    File(repoRoot, "Cargo.toml"),
    File(repoRoot, "Cargo.lock"),
    fileTree(File(repoRoot, "core")) { include("Cargo.toml", "src/**") },
    fileTree(File(repoRoot, "bindings")) { include("Cargo.toml", "uniffi.toml", "src/**") },
)

/** The host library the unit tests load, with the test-only panic export. */
val hostLibraryName = if (System.getProperty("os.name").startsWith("Mac")) "libreconnect_ffi.dylib" else "libreconnect_ffi.so"
val hostRustLibrary by tasks.registering(Exec::class) {
    workingDir = repoRoot
    inputs.files(rustInputs)
    outputs.file(File(repoRoot, "target/debug/$hostLibraryName"))
    commandLine("cargo", "build", "-p", "reconnect-ffi", "--features", "fault-injection")
}

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

    // The JUnit 5 tests run on the development machine's JVM against the host build of the
    // Rust library (JNA), as they do under Maven; `hostRustLibrary` builds it.
    testOptions.unitTests.all {
        it.useJUnitPlatform()
        it.dependsOn(hostRustLibrary)
        it.systemProperty("jna.library.path", File(repoRoot, "target/debug").absolutePath)
        it.systemProperty("reconnect.android.dir", rootDir.absolutePath)
        it.environment("RUST_BACKTRACE", "0")
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

    testImplementation(platform("org.junit:junit-bom:5.14.4"))
    testImplementation("org.junit.jupiter:junit-jupiter")
    testRuntimeOnly("org.junit.platform:junit-platform-launcher")
    testImplementation("org.jetbrains.kotlinx:kotlinx-coroutines-test:1.11.0")
    // The host JVM needs JNA's desktop jar, not the AAR the app ships.
    testImplementation("net.java.dev.jna:jna:5.19.1")
    // Its parser checks the syntax of the Android-only sources (AndroidSourcesParseTest).
    testImplementation("org.jetbrains.kotlin:kotlin-compiler-embeddable:2.4.21")
}

/** Builds the Rust core for the device ABIs; needs cargo-ndk and an NDK (see README.md). */
val buildRustLibraries by tasks.registering(Exec::class) {
    workingDir = repoRoot
    inputs.files(rustInputs)
    outputs.dir(rustJniLibs)
    // `--lib`: the crate's uniffi-bindgen binary is a desktop tool, not for the phone.
    commandLine(
        "cargo", "ndk",
        "-t", "arm64-v8a", "-t", "armeabi-v7a", "-t", "x86_64",
        "-P", "26",
        "-o", rustJniLibs.absolutePath,
        "build", "-p", "reconnect-ffi", "--release", "--lib",
    )
}

/** Writes the Kotlin bindings from the arm64 library, so code and library always match. */
val generateUniffiBindings by tasks.registering(Exec::class) {
    dependsOn(buildRustLibraries)
    workingDir = repoRoot
    inputs.dir(rustJniLibs)
    outputs.dir(uniffiSources)
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

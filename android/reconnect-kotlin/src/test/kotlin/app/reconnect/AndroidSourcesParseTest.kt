package app.reconnect

import java.io.File
import org.jetbrains.kotlin.CoreEnvironmentDeprecation
import org.jetbrains.kotlin.cli.extensionsStorage
import org.jetbrains.kotlin.cli.jvm.compiler.EnvironmentConfigFiles
import org.jetbrains.kotlin.cli.jvm.compiler.KotlinCoreEnvironment
import org.jetbrains.kotlin.com.intellij.openapi.Disposable
import org.jetbrains.kotlin.com.intellij.openapi.util.Disposer
import org.jetbrains.kotlin.com.intellij.psi.PsiErrorElement
import org.jetbrains.kotlin.com.intellij.psi.util.PsiTreeUtil
import org.jetbrains.kotlin.compiler.plugin.CompilerPluginRegistrar
import org.jetbrains.kotlin.compiler.plugin.ExperimentalCompilerApi
import org.jetbrains.kotlin.config.CommonConfigurationKeys
import org.jetbrains.kotlin.config.CompilerConfiguration
import org.jetbrains.kotlin.psi.KtFile
import org.jetbrains.kotlin.psi.KtPsiFactory
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.fail

/** The app and Gradle scripts cannot compile without the Android SDK; this checks their syntax. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AndroidSourcesParseTest {
    private val androidDir: File =
        File(System.getProperty("reconnect.android.dir") ?: "..").canonicalFile

    private val disposable: Disposable = Disposer.newDisposable("AndroidSourcesParseTest")

    // The compiler marks these APIs unstable; only its parser is used, at the pinned version.
    @OptIn(
        CompilerConfiguration.Internals::class,
        CoreEnvironmentDeprecation::class,
        ExperimentalCompilerApi::class,
    )
    private val psiFactory: KtPsiFactory by lazy {
        val configuration = CompilerConfiguration().apply {
            put(CommonConfigurationKeys.MODULE_NAME, "android-sources-parse")
            extensionsStorage = CompilerPluginRegistrar.ExtensionStorage()
        }
        val environment = KotlinCoreEnvironment.createForProduction(
            disposable, configuration, EnvironmentConfigFiles.JVM_CONFIG_FILES,
        )
        KtPsiFactory(environment.project, markGenerated = false)
    }

    @AfterAll
    fun disposeEnvironment() = Disposer.dispose(disposable)

    /** A file name ending in `.kts` makes the parser read the text as a script. */
    private fun parse(name: String, text: String): KtFile =
        psiFactory.createFile(name, text.replace("\r\n", "\n"))

    /** Every syntax error in [file], as `name:line:column: description`. */
    private fun syntaxErrors(name: String, file: KtFile): List<String> {
        val text = file.text
        return PsiTreeUtil.collectElementsOfType(file, PsiErrorElement::class.java)
            .sortedBy { it.textOffset }
            .map { error ->
                val offset = error.textOffset
                val line = text.substring(0, offset).count { it == '\n' } + 1
                val column = offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1
                "$name:$line:$column: ${error.errorDescription}"
            }
    }

    private fun sources(root: File, suffix: String): List<File> =
        root.walkTopDown()
            .onEnter { it.name !in setOf("build", "target", ".gradle") }
            .filter { it.isFile && it.name.endsWith(suffix) }
            .sortedBy { it.path }
            .toList()

    private fun checkAll(files: List<File>, asScript: Boolean): List<String> =
        files.flatMap { source ->
            val name = source.relativeTo(androidDir).invariantSeparatorsPath
            val file = parse(source.name, source.readText())
            assertEquals(asScript, file.isScript(), "$name parsed as the wrong kind of file")
            syntaxErrors(name, file)
        }

    @Test
    fun `the app's Kotlin sources parse without syntax errors`() {
        val files = sources(File(androidDir, "app/src"), ".kt")
        assertTrue(
            files.size >= 10,
            "expected the app's Kotlin sources under ${File(androidDir, "app/src")}, found ${files.size}",
        )
        val errors = checkAll(files, asScript = false)
        if (errors.isNotEmpty()) fail("syntax errors in the app sources:\n" + errors.joinToString("\n"))
    }

    @Test
    fun `the Gradle build scripts parse without syntax errors`() {
        val files = sources(androidDir, ".gradle.kts")
        val names = files.map { it.relativeTo(androidDir).invariantSeparatorsPath }
        for (expected in listOf("settings.gradle.kts", "build.gradle.kts", "app/build.gradle.kts")) {
            assertTrue(expected in names, "expected $expected among the build scripts, found $names")
        }
        val errors = checkAll(files, asScript = true)
        if (errors.isNotEmpty()) fail("syntax errors in the build scripts:\n" + errors.joinToString("\n"))
    }

    @Test
    fun `the check reports a syntax error with its position`() {
        val broken = """
            package example

            fun ok() = 1

            fun broken(x: Int {
                return x
            }
        """.trimIndent()
        val errors = syntaxErrors("Broken.kt", parse("Broken.kt", broken))
        assertFalse(errors.isEmpty(), "a missing parenthesis was not reported")
        assertTrue(errors.first().startsWith("Broken.kt:5:"), "wrong position: $errors")

        val fine = syntaxErrors("Fine.kt", parse("Fine.kt", "package example\n\nfun ok() = 1\n"))
        assertEquals(emptyList<String>(), fine)
    }

    @Test
    fun `build scripts are parsed as scripts, where top-level statements are allowed`() {
        val script = "plugins {\n    id(\"com.android.application\")\n}\nandroid { namespace = \"x\" }\n"
        assertEquals(emptyList<String>(), syntaxErrors("build.gradle.kts", parse("build.gradle.kts", script)))
        // The same text is not a valid ordinary source file, so the scripts are not checked as one.
        assertFalse(syntaxErrors("Build.kt", parse("Build.kt", script)).isEmpty())

        val broken = syntaxErrors("broken.gradle.kts", parse("broken.gradle.kts", "plugins {\n    id(\"x\"\n}\n"))
        assertFalse(broken.isEmpty(), "an unclosed call in a script was not reported")
    }
}

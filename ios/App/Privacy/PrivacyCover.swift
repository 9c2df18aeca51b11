// A plain cover with nothing of the person's on it: shown whenever the scene is not
// active (so the app switcher's snapshot shows nothing), after the quick exit, and
// under the app lock.
import SwiftUI

struct PrivacyCover: View {
    var body: some View {
        ZStack {
            Color(uiColor: .systemBackground)
                .ignoresSafeArea()
            Image(systemName: "circle.dotted")
                .font(.system(size: 44))
                .foregroundStyle(.tertiary)
                .accessibilityHidden(true)
        }
    }
}

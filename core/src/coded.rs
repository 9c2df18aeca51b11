//! Small enums stored by code: one macro gives each its snake_case code, parsing and
//! the list of all values, through `strum`.

/// Codes stored in the document and typed on the command line are the snake_case names.
macro_rules! coded {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize,
            ::strum::EnumString, ::strum::IntoStaticStr, ::strum::EnumIter,
        )]
        #[serde(rename_all = "snake_case")]
        #[strum(serialize_all = "snake_case", ascii_case_insensitive)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub fn code(self) -> &'static str {
                self.into()
            }

            pub fn from_code(code: &str) -> Option<Self> {
                code.trim().replace('-', "_").parse().ok()
            }

            pub fn all() -> impl Iterator<Item = Self> {
                <Self as ::strum::IntoEnumIterator>::iter()
            }
        }
    };
}

pub(crate) use coded;

// Progressive enhancement shared by pages: nothing here is needed for a page to work.

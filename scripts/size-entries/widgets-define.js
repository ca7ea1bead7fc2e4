// The storefront's first chunk: registering every widget tag.
import '@dbc-cloud/widgets/define';
